n = int(input())
kion = list(map(int, input().split()))
hi = 0
for i in range(n):
    if kion[i] > kion[hi]:
        hi = i
print(str(hi + 1) + "日目 " + str(kion[hi]) + "度")
