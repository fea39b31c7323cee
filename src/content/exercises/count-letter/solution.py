s = input()
c = input()
count = 0
for ch in s:
    if ch == c:
        count += 1
print(count)
