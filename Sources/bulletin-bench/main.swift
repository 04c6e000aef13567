import SyncProtocol
print("bench")
