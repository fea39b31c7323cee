k = int(input())
v = int(input())
tohyo = list(map(int, input().split()))
hyo = [0] * k
for j in range(v):
    hyo[tohyo[j]] = hyo[tohyo[j]] + 1
tosen = 0
for i in range(k):
    print(hyo[i])
    if hyo[i] > hyo[tosen]:
        tosen = i
print(tosen)
