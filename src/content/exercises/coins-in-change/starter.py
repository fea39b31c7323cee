# 値段を読み込む
price = int(input())
change = 1000 - price
print(change)

# 500円玉から順に、枚数を1行ずつ出力しよう
