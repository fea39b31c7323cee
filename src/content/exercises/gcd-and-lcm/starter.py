def gcd(a, b):
    # ユークリッドの互除法で最大公約数を返そう(今はいつも 1 を返している)
    return 1


a, b = map(int, input().split())
print(gcd(a, b))
print(a * b // gcd(a, b))
