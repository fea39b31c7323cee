# 西暦を読み込む
y = int(input())

# うるう年かどうかを判定しよう
print("No")
