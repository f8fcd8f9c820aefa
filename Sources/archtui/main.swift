print("archtui")
