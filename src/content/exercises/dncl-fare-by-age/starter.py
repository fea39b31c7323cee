nenrei = int(input())
# 年齢で入館料を分けよう
print(500)
