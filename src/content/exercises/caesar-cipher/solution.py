k = int(input())
s = input()

alphabet = "abcdefghijklmnopqrstuvwxyz"
answer = ""
for ch in s:
    position = alphabet.index(ch)
    answer += alphabet[(position + k) % 26]
print(answer)
