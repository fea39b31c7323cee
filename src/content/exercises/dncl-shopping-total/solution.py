tanka = int(input())
kosu = int(input())
print("合計は" + str(tanka * kosu) + "円")
