# 整数を読み込む
n = int(input())

# 1 から n まで、ルールにしたがって出力しよう
for i in range(1, n + 1):
    print(i)
