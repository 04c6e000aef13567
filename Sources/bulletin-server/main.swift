import SyncServer
print(ServerConfiguration().port)
