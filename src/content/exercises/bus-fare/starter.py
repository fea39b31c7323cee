def fare(age):
    # 年齢 age の人の運賃を返そう(今はいつも 0 を返している)
    return 0


n = int(input())
ages = list(map(int, input().split()))
total = 0
for age in ages:
    total += fare(age)
print(total)
