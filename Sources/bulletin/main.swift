import SyncClient
print(ClientVersion.appVersion)
