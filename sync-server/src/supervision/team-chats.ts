import { byQueueOrder, isWaiting, type BoardConversation } from "@inbox/shared";

/**
 * A team's unresolved chats as the board sees them, with the waiting ones kept in queue order as
 * they change: the board is composed on every change, and sorting 2,000 waiting chats each time
 * was most of its cost. One chat moves by a binary search and a splice.
 *
 * Written here rather than taken from a package: the B-tree on npm (sorted-btree) is CommonJS
 * with a default export that Node's ESM and the Workers bundle resolve differently, and a sorted
 * array of a few thousand entries needs no tree.
 */
export class TeamChats {
  private readonly byId = new Map<string, BoardConversation>();
  private readonly queue: BoardConversation[] = [];

  constructor(chats: Iterable<BoardConversation> = []) {
    for (const c of chats) this.byId.set(c.id, c);
    for (const c of this.byId.values()) if (isWaiting(c)) this.queue.push(c);
    this.queue.sort(byQueueOrder);
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): BoardConversation | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<BoardConversation> {
    return this.byId.values();
  }

  /** The waiting chats, first in line first (read only: it changes as chats do). */
  waiting(): readonly BoardConversation[] {
    return this.queue;
  }

  /** Adds or replaces a chat (a replaced one keeps its place in `values()`). */
  set(c: BoardConversation): void {
    const old = this.byId.get(c.id);
    if (old) this.leaveQueue(old);
    this.byId.set(c.id, c);
    if (isWaiting(c)) this.queue.splice(this.positionOf(c), 0, c);
  }

  delete(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    this.leaveQueue(old);
  }

  private leaveQueue(old: BoardConversation): void {
    if (!isWaiting(old)) return;
    const at = this.positionOf(old);
    if (this.queue[at] === old) this.queue.splice(at, 1);
  }

  /** The first index whose chat does not come before `c` (the queue order is total: ids break ties). */
  private positionOf(c: BoardConversation): number {
    let low = 0;
    let high = this.queue.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (byQueueOrder(this.queue[mid]!, c) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
