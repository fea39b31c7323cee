name = input()
print("こんにちは、" + name + "さん")
