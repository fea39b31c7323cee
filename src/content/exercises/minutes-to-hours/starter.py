# 分を読み込む
n = int(input())

# 何時間何分かを計算しよう
hours = 0
minutes = 0

print(f"{hours}:{minutes}")
