print("Hello, World!")
print("Hello, Kanazawa!")
