using System.Runtime.CompilerServices;

namespace Thuis.Matching;

internal sealed partial class RepairableFlow
{
    /// <summary>
    /// Dijkstra on reduced costs that can be run a node at a time, so that two can race. Forward, from a node with
    /// surplus over arcs with room until a node short of flow is settled; backward, from a node short of flow over the
    /// arcs into each node until a node with surplus is settled. The winner then moves the potentials of the nodes it
    /// settled (by their distance less the one found, forward; the other way round, backward), which keeps every reduced
    /// cost at zero or more and makes its path's arcs tight, and sends flow along its path.
    /// </summary>
    private sealed class Search(RepairableFlow flow, bool backward)
    {
        private SearchNode[] _node = new SearchNode[16];
        private (long Key, int Node)[] _heap = new (long, int)[16];
        private int _heapCount;
        private readonly Queue<int> _plateau = new();
        private readonly List<int> _settled = [];
        private int _stamp;
        private long _distance;
        private int _origin;
        private int _found;

        /// <summary>Arcs scanned since the search started.</summary>
        public long Work { get; private set; }

        /// <summary>Nothing left to settle, and nothing found.</summary>
        public bool Exhausted { get; private set; }

        public int SettledCount => _settled.Count;

        /// <summary>The other direction's search, to notice where the two meet.</summary>
        public Search? Other { get; set; }

        /// <summary>The shortest way found so far through a node both searches reached, and that node (-1: none yet).</summary>
        public long Meeting { get; private set; } = long.MaxValue;

        public int MeetingNode { get; private set; } = -1;

        /// <summary>No node left to settle is nearer than this (a lower bound: entries left behind in the heap only lower it).</summary>
        public long Top => _plateau.Count > 0 ? _distance : _heapCount > 0 ? _heap[0].Key >> 1 : long.MaxValue / 4;

        public bool Reached(int node) => _node[node].Reached == _stamp;

        public long DistanceOf(int node) => _node[node].Distance;

        public void Start(int origin)
        {
            if (_node.Length < flow._nodes)
            {
                Array.Resize(ref _node, Math.Max(flow._nodes, _node.Length * 2));
            }

            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_node);
                _stamp = 1;
            }

            _settled.Clear();
            _plateau.Clear();
            _heapCount = 0;
            _distance = 0;
            _origin = origin;
            _found = -1;
            Meeting = long.MaxValue;
            MeetingNode = -1;
            Work = 0;
            Exhausted = false;
            ref var start = ref _node[origin];
            start.Reached = _stamp;
            start.Distance = 0;
            start.Via = -1;
            start.HeapAt = -1;
            start.Settled = 0;
            Push(origin, 1);
        }

        /// <summary>Settles one node and relaxes its arcs; true when the node settled (or reached at once) is a target.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Step()
        {
            var nodes = _node;
            int node;
            while (true)
            {
                if (_plateau.Count > 0)
                {
                    node = _plateau.Dequeue();
                }
                else if (Pop(out node, out var key))
                {
                    _distance = key >> 1;
                }
                else
                {
                    Exhausted = true;
                    return false;
                }

                if (nodes[node].Settled != _stamp && _distance <= nodes[node].Distance)
                {
                    break;
                }
            }

            var d = _distance;
            nodes[node].Settled = _stamp;
            _settled.Add(node);
            var excess = flow._excess;
            if (IsTarget(excess[node]))
            {
                _found = node;
                return true;
            }

            var arcs = flow._out[node];
            var end = flow._end;
            var state = flow._state;
            var room = flow._room;
            var p = state[node].Potential;
            int count;
            if (backward)
            {
                // The arcs into the node: the partners of its own arcs, where they have room.
                count = flow._outCount[node];
                Work += count;
                for (var k = 0; k < count; k++)
                {
                    var into = arcs[k] ^ 1;
                    if (room[into] <= 0)
                    {
                        continue;
                    }

                    var next = end[arcs[k]].Head;
                    if (Relax(next, into, d + end[into].Cost + state[next].Potential - p, d, excess))
                    {
                        return true;
                    }
                }
            }
            else
            {
                count = flow._live[node];
                Work += count;
                for (var k = 0; k < count; k++)
                {
                    var arc = arcs[k];
                    var next = end[arc].Head;
                    if (Relax(next, arc, d + end[arc].Cost + p - state[next].Potential, d, excess))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The settled nodes' new potentials. Forward: each moves by its distance less the target's. Backward (distances
        /// to the origin): by the surplus node's distance less its own. Nodes not settled stay as they are.
        /// </summary>
        public void MovePotentials()
        {
            var state = flow._state;
            var reach = _node[_found].Distance;
            foreach (var node in _settled)
            {
                state[node].Potential += backward ? reach - _node[node].Distance : _node[node].Distance - reach;
            }
        }

        /// <summary>Sends as much flow as the path, the surplus and the lack allow, from the surplus to the node short of flow.</summary>
        public void Augment()
        {
            var (from, to) = backward ? (_found, _origin) : (_origin, _found);
            var amount = Math.Min(flow._excess[from], -flow._excess[to]);
            for (var node = _found; node != _origin; node = Next(node))
            {
                amount = Math.Min(amount, flow._room[_node[node].Via]);
            }

            for (var node = _found; node != _origin; node = Next(node))
            {
                var arc = _node[node].Via;
                flow._room[arc] -= amount;
                flow._room[arc ^ 1] += amount;
                flow.Touch(arc);
                flow.TotalCost += amount * flow._end[arc].Cost;
            }

            flow._excess[from] -= amount;
            flow._excess[to] += amount;
            if (!flow._listed[from])
            {
                flow._listed[from] = true;
                flow._unbalanced.Add(from);
            }
        }

        /// <summary>
        /// When the two searches met: the forward one (this) and the backward one found a shortest path of length
        /// <c>Meeting</c> through <c>MeetingNode</c>. With α = min(forward's top, that length) and β the rest, each
        /// node's potential moves by min(d_f, α) + β − min(d_b, β), less the α every node untouched moves: no node has
        /// both distances below their bound (the path through it would be shorter), so every reduced cost stays at
        /// zero or more, and along the path the move is d_f, which makes its arcs tight.
        /// </summary>
        public void MovePotentialsMet()
        {
            var other = Other!;
            var length = Meeting;
            var alpha = Math.Min(Top, length);
            var beta = length - alpha;
            var state = flow._state;
            foreach (var node in _settled)
            {
                var d = _node[node].Distance;
                if (d < alpha)
                {
                    state[node].Potential -= alpha - d;
                }
            }

            foreach (var node in other._settled)
            {
                var d = other._node[node].Distance;
                if (d < beta)
                {
                    state[node].Potential += beta - d;
                }
            }
        }

        /// <summary>Sends flow along the met path: forward from the origin to the meeting node, then on to the other origin.</summary>
        public void AugmentMet()
        {
            var other = Other!;
            var meet = MeetingNode;
            var (from, to) = (_origin, other._origin);
            var amount = Math.Min(flow._excess[from], -flow._excess[to]);
            for (var node = meet; node != _origin; node = Next(node))
            {
                amount = Math.Min(amount, flow._room[_node[node].Via]);
            }

            for (var node = meet; node != other._origin; node = other.Next(node))
            {
                amount = Math.Min(amount, flow._room[other._node[node].Via]);
            }

            for (var node = meet; node != _origin; node = Next(node))
            {
                Send(_node[node].Via, amount);
            }

            for (var node = meet; node != other._origin; node = other.Next(node))
            {
                Send(other._node[node].Via, amount);
            }

            flow._excess[from] -= amount;
            flow._excess[to] += amount;
        }

        private void Send(int arc, long amount)
        {
            flow._room[arc] -= amount;
            flow._room[arc ^ 1] += amount;
            flow.Touch(arc);
            flow.TotalCost += amount * flow._end[arc].Cost;
        }

        // Forward, a node's path arc comes into it from its tail; backward, it leaves it for its head.
        private int Next(int node) => backward ? flow._end[_node[node].Via].Head : flow._end[_node[node].Via ^ 1].Head;

        private bool IsTarget(long excess) => backward ? excess > 0 : excess < 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool Relax(int next, int arc, long nd, long d, long[] excess)
        {
            ref var reached = ref _node[next];
            if (reached.Reached == _stamp)
            {
                if (reached.Settled == _stamp || nd >= reached.Distance)
                {
                    return false;
                }
            }
            else
            {
                reached.Reached = _stamp;
                reached.HeapAt = -1;
                reached.Settled = 0;
            }

            reached.Distance = nd;
            reached.Via = arc;
            if (Other!.Reached(next) && nd + Other.DistanceOf(next) < Meeting)
            {
                Meeting = nd + Other.DistanceOf(next);
                MeetingNode = next;
                Other.Meeting = Meeting;
                Other.MeetingNode = next;
            }
            var target = IsTarget(excess[next]);
            if (nd == d)
            {
                if (target)
                {
                    // No node left is nearer than this one: it is settled at its distance, and it is the target.
                    reached.Settled = _stamp;
                    _settled.Add(next);
                    _found = next;
                    return true;
                }

                _plateau.Enqueue(next);
            }
            else
            {
                // Twice the distance, plus one for a node that is no target: targets first among equals.
                Push(next, (nd << 1) | (target ? 0L : 1L));
            }

            return false;
        }

        /// <summary>Puts a node in the heap, or moves it up if it is there with a larger key.</summary>
        private void Push(int node, long key)
        {
            var heap = _heap;
            int at;
            if (_node[node].HeapAt >= 0)
            {
                at = _node[node].HeapAt;
                if (key >= heap[at].Key)
                {
                    return;
                }
            }
            else
            {
                if (_heapCount == heap.Length)
                {
                    Array.Resize(ref _heap, heap.Length * 2);
                    heap = _heap;
                }

                at = _heapCount++;
            }

            while (at > 0)
            {
                var parent = (at - 1) >> 1;
                if (heap[parent].Key <= key)
                {
                    break;
                }

                heap[at] = heap[parent];
                _node[heap[at].Node].HeapAt = at;
                at = parent;
            }

            heap[at] = (key, node);
            _node[node].HeapAt = at;
        }

        private bool Pop(out int node, out long key)
        {
            if (_heapCount == 0)
            {
                node = -1;
                key = 0;
                return false;
            }

            var heap = _heap;
            (key, node) = heap[0];
            _node[node].HeapAt = -1;
            var last = heap[--_heapCount];
            if (_heapCount == 0)
            {
                return true;
            }

            var at = 0;
            while (true)
            {
                var child = (2 * at) + 1;
                if (child >= _heapCount)
                {
                    break;
                }

                if (child + 1 < _heapCount && heap[child + 1].Key < heap[child].Key)
                {
                    child++;
                }

                if (heap[child].Key >= last.Key)
                {
                    break;
                }

                heap[at] = heap[child];
                _node[heap[at].Node].HeapAt = at;
                at = child;
            }

            heap[at] = last;
            _node[last.Node].HeapAt = at;
            return true;
        }
    }

    /// <summary>What a search keeps per node: its distance, the arc of its path, and where it is in the heap.</summary>
    private struct SearchNode
    {
        public long Distance;
        public int Reached;
        public int Settled;
        public int HeapAt;
        public int Via;
    }
}
