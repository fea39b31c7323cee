n = int(input())
numbers = list(map(int, input().split()))
x = int(input())

position = -1
for i in range(n):
    if numbers[i] == x:
        position = i + 1
        break
print(position)
