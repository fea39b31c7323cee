n = int(input())
data = list(map(int, input().split()))
for i in range(n - 1):
    saisho = i
    for j in range(i + 1, n):
        if data[j] < data[saisho]:
            saisho = j
    data[i], data[saisho] = data[saisho], data[i]
    print(" ".join(map(str, data)))
