k = int(input())
v = int(input())
tohyo = list(map(int, input().split()))
hyo = [0] * k
# 票を数えよう
for i in range(k):
    print(hyo[i])
print(0)
