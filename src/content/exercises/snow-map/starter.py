# 地図の大きさと地図を読み込む
h, w = map(int, input().split())
rows = []
for _ in range(h):
    rows.append(input())

# # の数と、# がいちばん多い行を求めよう
total = 0
best_row = 1

print(total)
print(best_row)
