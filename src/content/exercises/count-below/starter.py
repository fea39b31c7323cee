def count_below(scores, x):
    # scores の中で x より小さいものの個数を、二分探索で返そう
    return 0


n = int(input())
scores = list(map(int, input().split()))
q = int(input())
for _ in range(q):
    x = int(input())
    print(count_below(scores, x))
