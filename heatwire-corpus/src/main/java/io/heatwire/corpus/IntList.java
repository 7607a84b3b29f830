package io.heatwire.corpus;

import java.util.Arrays;

/** A growable list of ints without boxing. */
final class IntList {

    private int[] values = new int[8];
    private int size;

    void add(final int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addIfAbsent(final int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return;
            }
        }
        add(value);
    }

    int get(final int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return values[index];
    }

    void set(final int index, final int value) {
        get(index);
        values[index] = value;
    }

    void removeLast() {
        if (size == 0) {
            throw new IndexOutOfBoundsException(0);
        }
        size--;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
