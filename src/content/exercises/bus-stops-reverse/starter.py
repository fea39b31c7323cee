# 3つのバス停の名前を読み込む
a = input()
b = input()
c = input()

# 帰りの順に出力しよう(今は行きの順のまま)
print(a)
print(b)
print(c)
