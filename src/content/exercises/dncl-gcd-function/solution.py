def gcd(a, b):
    while b != 0:
        amari = a % b
        a = b
        b = amari
    return a

q = int(input())
for _ in range(q):
    a, b = map(int, input().split())
    print(gcd(a, b))
