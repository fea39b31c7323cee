def sosu(x):
    kekka = 1
    for d in range(2, x):
        pass  # ここ: x が d で割り切れたら kekka を 0 にする
    return kekka

n = int(input())
kazu = 0
for i in range(n, 1, -1):
    if sosu(i) == 1:
        kazu = kazu + 1
print(kazu)
