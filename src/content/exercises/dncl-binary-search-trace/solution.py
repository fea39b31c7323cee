n = int(input())
data = list(map(int, input().split()))
x = int(input())
hidari, migi, owari = 0, n - 1, 0
while hidari <= migi and owari == 0:
    aida = (hidari + migi) // 2
    print(hidari, migi, aida)
    if data[aida] == x:
        owari = 1
    elif data[aida] < x:
        hidari = aida + 1
    else:
        migi = aida - 1
print("見つかった" if owari == 1 else "見つからない")
