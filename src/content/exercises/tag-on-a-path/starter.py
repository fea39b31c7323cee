# 石垣の位置、子のはじめの位置、おにと子の速さを読み込む
l, d, v, w = map(int, input().split())

runner = d
chaser = 0
seconds = 0
# 1秒ずつ動かして、つかまるまで繰り返そう

print(seconds)
