# 点数を読み込む
s = int(input())

# 点数で評価を決めよう
grade = "?"

print(grade)
