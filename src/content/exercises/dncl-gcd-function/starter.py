def gcd(a, b):
    # ユークリッドの互除法で求めよう
    return 1

q = int(input())
for _ in range(q):
    a, b = map(int, input().split())
    print(gcd(a, b))
