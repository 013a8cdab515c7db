//! The wasm32 global allocator: power-of-two size classes with one free list each.
//!
//! It replaces the default (dlmalloc, ~7 KB of code) with a few hundred bytes that are also
//! faster: every allocation and free is O(1) and nothing is ever searched or merged.
//!
//! * A request of `size` bytes aligned to `align` gets a block of class `k`, the smallest power of
//!   two `2^k ≥ max(size, align, 16)`. A block of class `k` always starts at a multiple of
//!   `min(2^k, 4096)`, so any block of the class meets any alignment the class admits (alignments
//!   above 4096 are refused with null, which Rust reports as an allocation failure).
//! * A freed block goes on the front of its class's free list (the link is stored in the block);
//!   the next request of that class takes it back. Memory therefore stops growing once a workload
//!   has reached its peak number of live blocks per class: repeating a call never grows the heap.
//! * New blocks are cut from the top of the heap; the gap left by aligning the top goes to the free
//!   lists in naturally aligned pieces. The heap grows with `memory.grow`; when it cannot grow the
//!   request returns null.
//! * `realloc` keeps the block when the new size has the same class and grows it in place when it
//!   is the last block on the heap (a growing output string usually is) and no free block of the
//!   new class waits; otherwise it moves the bytes to a block of the new class.
//!
//! The logic ([`Heap`]) is plain Rust over addresses and a [`Memory`] that grows, so it is unit-
//! and property-tested natively on an arena; only [`Allocator`] is wasm-specific.

use core::ptr;

/// The smallest class: 16 bytes (holds the free-list link; matches the largest common alignment).
const MIN_CLASS: u32 = 4;
/// Blocks are aligned to their size up to this class (4096 bytes); larger ones to 4096.
const MAX_ALIGN_CLASS: u32 = 12;
/// The wasm page size, the unit of `memory.grow`.
pub(crate) const PAGE: usize = 65536;

/// Where the heap's memory comes from.
pub(crate) trait Memory {
    /// Adds `pages` pages; returns the address where they start, or `None` if memory is exhausted.
    fn grow(&mut self, pages: usize) -> Option<usize>;
}

/// Free lists per class plus the unused region `top..end` at the end of the heap.
pub(crate) struct Heap<M> {
    /// Address of the first free block of each class, 0 when the list is empty.
    free: [usize; usize::BITS as usize],
    /// Start of the never-used region.
    top: usize,
    /// End of the memory obtained so far (the never-used region is `top..end`).
    end: usize,
    memory: M,
}

/// The class for `size` bytes aligned to `align`, or `None` if no block can serve it.
#[inline]
pub(crate) fn class_of(size: usize, align: usize) -> Option<u32> {
    if align > 1 << MAX_ALIGN_CLASS {
        return None;
    }
    let need = size.max(align).max(1 << MIN_CLASS);
    need.checked_next_power_of_two().map(usize::trailing_zeros)
}

/// The alignment every block of class `class` has.
#[inline]
fn class_align(class: u32) -> usize {
    1 << class.min(MAX_ALIGN_CLASS)
}

impl<M: Memory> Heap<M> {
    pub(crate) const fn new(memory: M) -> Self {
        Heap {
            free: [0; usize::BITS as usize],
            top: 0,
            end: 0,
            memory,
        }
    }

    /// A block of class `class`, or null.
    ///
    /// # Safety
    /// The heap's memory must be readable and writable (as `memory.grow` memory is).
    pub(crate) unsafe fn alloc(&mut self, class: u32) -> *mut u8 {
        let head = self.free[class as usize];
        if head != 0 {
            // SAFETY: a listed block is free memory of ours whose first word is the next link.
            self.free[class as usize] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        self.cut(class)
    }

    /// Puts a block of class `class` on its free list.
    ///
    /// # Safety
    /// `block` came from this heap with class `class` and is no longer used.
    pub(crate) unsafe fn free(&mut self, block: *mut u8, class: u32) {
        // SAFETY: the block is ours, free, and at least 16 bytes aligned to 16.
        unsafe { *(block as *mut usize) = self.free[class as usize] };
        self.free[class as usize] = block as usize;
    }

    /// Resizes a block of class `old` to class `new`, keeping its first `keep` bytes; null (and the
    /// old block untouched) if memory is exhausted.
    ///
    /// # Safety
    /// `block` came from this heap with class `old ≠ new` and `keep ≤ 2^old`, `keep ≤ 2^new`.
    pub(crate) unsafe fn resize(
        &mut self,
        block: *mut u8,
        old: u32,
        new: u32,
        keep: usize,
    ) -> *mut u8 {
        // Grow in place when the block is the last one cut, the unused region can take it, and no
        // free block of the new class is waiting (else memory would grow while that one idles).
        let at = block as usize;
        let new_end = at.saturating_add(1 << new);
        if new > old
            && self.free[new as usize] == 0
            && at + (1 << old) == self.top
            && at % class_align(new) == 0
            && new_end < usize::MAX
        {
            if new_end > self.end {
                self.more(new_end - self.end);
            }
            // `more` may have moved the unused region elsewhere (memory not contiguous).
            if at + (1 << old) == self.top && new_end <= self.end {
                self.top = new_end;
                return block;
            }
        }
        // Otherwise move, also to shrink: a block never changes class, so each class keeps the
        // blocks its peak use needed and memory stops growing when a workload repeats.
        // SAFETY: the heap's memory is readable and writable.
        let moved = unsafe { self.alloc(new) };
        if !moved.is_null() {
            // SAFETY: distinct live blocks do not overlap; `keep` fits both.
            unsafe {
                ptr::copy_nonoverlapping(block, moved, keep);
                self.free(block, old);
            }
        }
        moved
    }

    /// Cuts a new block of class `class` from the unused region, growing memory if needed.
    unsafe fn cut(&mut self, class: u32) -> *mut u8 {
        let size = 1usize << class;
        let align = class_align(class);
        let mut start = align_up(self.top, align);
        if size > self.end.saturating_sub(start) {
            // Enough for the block even if the new memory has to be aligned first.
            if !self.more(size.saturating_add(align)) {
                return ptr::null_mut();
            }
            start = align_up(self.top, align);
            if size > self.end.saturating_sub(start) {
                return ptr::null_mut();
            }
        }
        // SAFETY: `top..start` is unused memory of ours.
        unsafe { self.release(self.top, start) };
        self.top = start + size;
        start as *mut u8
    }

    /// Adds at least `bytes` bytes at the end of the unused region; false if memory is exhausted.
    fn more(&mut self, bytes: usize) -> bool {
        let Some(pages) = bytes.checked_add(PAGE - 1).map(|b| b / PAGE) else {
            return false;
        };
        let Some(base) = self.memory.grow(pages) else {
            return false;
        };
        if base != self.end {
            // Not contiguous (only at the first growth, in practice): keep the old rest as blocks.
            // SAFETY: `top..end` is unused memory of ours.
            unsafe { self.release(self.top, self.end) };
            self.top = base;
        }
        // Memory ends at 4 GiB at most, one past the largest wasm32 address: stop a page short.
        self.end = base
            .checked_add(pages * PAGE)
            .unwrap_or(usize::MAX & !(PAGE - 1));
        true
    }

    /// Puts the unused memory `from..to` (multiples of 16) on the free lists as naturally aligned
    /// blocks: each piece is as large as the alignment of its start allows.
    unsafe fn release(&mut self, mut from: usize, to: usize) {
        while from < to {
            let mut size = 1usize << from.trailing_zeros().min(usize::BITS - 2);
            while from + size > to {
                size >>= 1;
            }
            // SAFETY: the piece is unused memory of ours, aligned to its size.
            unsafe { self.free(from as *mut u8, size.trailing_zeros()) };
            from += size;
        }
    }
}

/// `value` rounded up to a multiple of `align` (a power of two), saturating at the top.
#[inline]
fn align_up(value: usize, align: usize) -> usize {
    value.saturating_add(align - 1) & !(align - 1)
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod global {
    use super::{class_of, Heap, Memory, PAGE};
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;

    /// Memory 0 of the wasm instance.
    pub struct WasmMemory;

    impl Memory for WasmMemory {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            match core::arch::wasm32::memory_grow(0, pages) {
                usize::MAX => None,
                previous => Some(previous * PAGE),
            }
        }
    }

    /// The global allocator over [`Heap`].
    pub struct Allocator(UnsafeCell<Heap<WasmMemory>>);

    // SAFETY: wasm32 without the atomics feature has one thread; nothing is shared.
    unsafe impl Sync for Allocator {}

    impl Allocator {
        pub const fn new() -> Self {
            Allocator(UnsafeCell::new(Heap::new(WasmMemory)))
        }
    }

    // SAFETY: blocks are distinct, at least `size` bytes, aligned to `align`; null on failure.
    unsafe impl GlobalAlloc for Allocator {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            match class_of(layout.size(), layout.align()) {
                // SAFETY: single thread, no reentrancy: the only reference to the heap.
                Some(class) => unsafe { (*self.0.get()).alloc(class) },
                None => core::ptr::null_mut(),
            }
        }

        unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
            if let Some(class) = class_of(layout.size(), layout.align()) {
                // SAFETY: `block` was allocated with this layout, hence this class.
                unsafe { (*self.0.get()).free(block, class) }
            }
        }

        unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let (Some(old), Some(new)) = (
                class_of(layout.size(), layout.align()),
                class_of(new_size, layout.align()),
            ) else {
                return core::ptr::null_mut();
            };
            if old == new {
                return block;
            }
            // SAFETY: `block` has class `old`; the kept bytes fit both classes.
            unsafe { (*self.0.get()).resize(block, old, new, layout.size().min(new_size)) }
        }
    }
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
pub use global::Allocator;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::alloc::{alloc_zeroed, dealloc, Layout};

    /// A native stand-in for wasm memory: pages handed out from one page-aligned arena, with an
    /// optional hole before each growth (as if someone else had grown memory) and a page limit.
    struct Arena {
        base: usize,
        pages: usize,
        used: usize,
        hole: bool,
    }

    impl Arena {
        fn new(pages: usize, hole: bool) -> Self {
            let layout = Layout::from_size_align(pages * PAGE, PAGE).unwrap();
            // SAFETY: non-zero size.
            let base = unsafe { alloc_zeroed(layout) } as usize;
            assert_ne!(base, 0);
            Arena {
                base,
                pages,
                used: 0,
                hole,
            }
        }
    }

    impl Drop for Arena {
        fn drop(&mut self) {
            let layout = Layout::from_size_align(self.pages * PAGE, PAGE).unwrap();
            // SAFETY: allocated in `new` with this layout.
            unsafe { dealloc(self.base as *mut u8, layout) }
        }
    }

    impl Memory for Arena {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            let start = self.used + usize::from(self.hole);
            if start + pages > self.pages {
                return None;
            }
            self.used = start + pages;
            Some(self.base + start * PAGE)
        }
    }

    /// Pages the heap has taken so far.
    fn pages_used(heap: &Heap<Arena>) -> usize {
        heap.memory.used
    }

    #[test]
    fn classes() {
        assert_eq!(class_of(1, 1), Some(4));
        assert_eq!(class_of(16, 8), Some(4));
        assert_eq!(class_of(17, 8), Some(5));
        assert_eq!(class_of(8, 64), Some(6));
        assert_eq!(class_of(5000, 4096), Some(13));
        assert_eq!(class_of(1, 8192), None);
        assert_eq!(class_of(usize::MAX / 2 + 2, 1), None);
    }

    #[test]
    fn a_freed_block_is_reused() {
        let mut heap = Heap::new(Arena::new(4, false));
        unsafe {
            let a = heap.alloc(6);
            heap.free(a, 6);
            assert_eq!(heap.alloc(6), a);
        }
    }

    #[test]
    fn exhausted_memory_gives_null_and_the_heap_still_works() {
        let mut heap = Heap::new(Arena::new(2, false));
        unsafe {
            assert!(heap.alloc(17).is_null()); // 128 KiB + alignment > 2 pages
            let a = heap.alloc(16);
            assert!(!a.is_null());
            assert!(heap.alloc(17).is_null());
            assert!(heap.resize(a, 16, 20, 1).is_null());
            heap.free(a, 16);
            assert_eq!(heap.alloc(16), a);
        }
    }

    #[test]
    fn the_last_block_grows_in_place_unless_a_free_block_waits() {
        let mut heap = Heap::new(Arena::new(8, false));
        unsafe {
            let a = heap.alloc(12);
            *a = 7;
            let b = heap.resize(a, 12, 18, 4096); // beyond the first page: memory grows
            assert_eq!((b, *b), (a, 7));
            heap.free(b, 18);
            let c = heap.alloc(12);
            *c = 9;
            let d = heap.resize(c, 12, 18, 1);
            assert_eq!(
                (d, *d),
                (a, 9),
                "takes the free block rather than growing memory"
            );
            let e = heap.resize(d, 18, 4, 1);
            assert_ne!(e, d, "shrinks by moving");
            assert_eq!(*e, 9);
            assert_eq!(heap.alloc(18), d, "the big block went back to its class");
        }
    }

    #[derive(Debug, Clone)]
    enum Op {
        Alloc { size: usize, align_log: u32 },
        Free(usize),
        Resize(usize, usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        // Sizes spread over many classes, mostly small as in real use.
        let size = prop_oneof![1usize..64, 1usize..2048, 1usize..100_000];
        prop_oneof![
            4 => (size.clone(), 0u32..7).prop_map(|(size, align_log)| Op::Alloc { size, align_log }),
            2 => any::<usize>().prop_map(Op::Free),
            2 => (any::<usize>(), size).prop_map(|(i, s)| Op::Resize(i, s)),
        ]
    }

    struct Live {
        at: *mut u8,
        size: usize,
        align: usize,
        tag: u8,
    }

    /// Runs `ops` on `heap`, checking alignment and that no block's bytes are disturbed by any
    /// other operation; frees everything at the end.
    fn run(heap: &mut Heap<Arena>, ops: &[Op]) {
        let mut live: Vec<Live> = Vec::new();
        let mut next_tag = 0u8;
        let check = |b: &Live| {
            assert_eq!(b.at as usize % b.align, 0);
            let bytes = unsafe { std::slice::from_raw_parts(b.at, b.size) };
            assert!(bytes.iter().all(|&x| x == b.tag), "block bytes changed");
        };
        for op in ops {
            match *op {
                Op::Alloc { size, align_log } => {
                    let align = 1 << align_log;
                    let class = class_of(size, align).unwrap();
                    let at = unsafe { heap.alloc(class) };
                    assert!(!at.is_null());
                    next_tag = next_tag.wrapping_add(1);
                    unsafe { core::ptr::write_bytes(at, next_tag, size) };
                    live.push(Live {
                        at,
                        size,
                        align,
                        tag: next_tag,
                    });
                }
                Op::Free(i) if !live.is_empty() => {
                    let b = live.swap_remove(i % live.len());
                    check(&b);
                    unsafe { heap.free(b.at, class_of(b.size, b.align).unwrap()) };
                }
                Op::Resize(i, size) if !live.is_empty() => {
                    let n = live.len();
                    let b = &mut live[i % n];
                    check(b);
                    let (old, new) = (
                        class_of(b.size, b.align).unwrap(),
                        class_of(size, b.align).unwrap(),
                    );
                    let at = if old == new {
                        b.at
                    } else {
                        unsafe { heap.resize(b.at, old, new, b.size.min(size)) }
                    };
                    assert!(!at.is_null());
                    // The kept bytes moved along; the rest is written with the tag.
                    let kept = unsafe { std::slice::from_raw_parts(at, b.size.min(size)) };
                    assert!(kept.iter().all(|&x| x == b.tag), "resize lost bytes");
                    unsafe { core::ptr::write_bytes(at, b.tag, size) };
                    b.at = at;
                    b.size = size;
                }
                _ => {}
            }
        }
        for b in &live {
            check(b);
        }
        // Live blocks never overlap.
        live.sort_by_key(|b| b.at as usize);
        for pair in live.windows(2) {
            assert!(
                pair[0].at as usize + pair[0].size <= pair[1].at as usize,
                "blocks overlap"
            );
        }
        for b in live {
            unsafe { heap.free(b.at, class_of(b.size, b.align).unwrap()) };
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64)
        ))]

        /// Any call pattern: blocks aligned, disjoint, contents kept by resize; and repeating the
        /// same pattern stops growing memory.
        #[test]
        fn any_pattern_is_served_and_repeating_it_does_not_grow_memory(
            ops in proptest::collection::vec(op(), 1..300),
            hole in any::<bool>(),
        ) {
            let mut heap = Heap::new(Arena::new(1024, hole));
            run(&mut heap, &ops);
            run(&mut heap, &ops);
            let settled = pages_used(&heap);
            for _ in 0..3 {
                run(&mut heap, &ops);
            }
            prop_assert_eq!(pages_used(&heap), settled);
        }
    }
}
