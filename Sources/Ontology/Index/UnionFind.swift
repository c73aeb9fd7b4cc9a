/// Disjoint sets over `0..<count`, used to merge concepts from different sources that share codes.
struct UnionFind {
    private var parent: [Int32]
    private var rank: [UInt8]

    init(count: Int) {
        parent = (0..<count).map { Int32($0) }
        rank = Array(repeating: 0, count: count)
    }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while Int(parent[root]) != root { root = Int(parent[root]) }
        var node = x
        while Int(parent[node]) != root {
            let next = Int(parent[node])
            parent[node] = Int32(root)
            node = next
        }
        return root
    }

    /// Joins the sets of `a` and `b`; returns the new root.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Int {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return ra }
        if rank[ra] < rank[rb] { parent[ra] = Int32(rb); return rb }
        if rank[ra] > rank[rb] { parent[rb] = Int32(ra); return ra }
        parent[rb] = Int32(ra)
        rank[ra] += 1
        return ra
    }
}
