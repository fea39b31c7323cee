s = input()
words = s.split()
print(len(words))
