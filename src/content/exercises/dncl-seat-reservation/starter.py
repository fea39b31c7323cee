n, q = map(int, input().split())
seki = [0] * n
for _ in range(q):
    s, l = map(int, input().split())
    # 受け付けられるか調べよう
    print("OK")
print(seki.count(0))
