def sosu(x):
    kekka = 1
    for d in range(2, x):
        if x % d == 0:
            kekka = 0
    return kekka

n = int(input())
kazu = 0
for i in range(n, 1, -1):
    if sosu(i) == 1:
        kazu = kazu + 1
print(kazu)
