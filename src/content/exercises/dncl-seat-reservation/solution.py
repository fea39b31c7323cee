n, q = map(int, input().split())
seki = [0] * n
for _ in range(q):
    s, l = map(int, input().split())
    aki = 1
    if s + l > n:
        aki = 0
    else:
        for k in range(s, s + l):
            if seki[k] == 1:
                aki = 0
    if aki == 1:
        for k in range(s, s + l):
            seki[k] = 1
        print("OK")
    else:
        print("NG")
print(seki.count(0))
