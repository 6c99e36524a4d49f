print("salesledger")
