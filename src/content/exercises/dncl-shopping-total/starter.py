tanka = int(input())
kosu = int(input())
# 合計を計算して表示しよう
print("合計は" + str(0) + "円")
