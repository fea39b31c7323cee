n = int(input())
x = 1
for i in range(1, n + 1):
    x = (x * 3 + i) % 11
    print(i, x)
# 最大の値も表示しよう
