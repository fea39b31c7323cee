n = int(input())
a = list(map(int, input().split()))

swaps = 0
for k in range(1, n):
    for j in range(n - k):
        if a[j] > a[j + 1]:
            a[j], a[j + 1] = a[j + 1], a[j]
            swaps += 1
    print(*a)
print(swaps)
