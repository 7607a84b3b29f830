package io.heatwire.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void shouldShareOneBudgetedCacheAndWriteBufferManagerAcrossStores() {
        final BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        final Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, "67108864");
        try (Options first = new Options().setTableFormatConfig(new BlockBasedTableConfig());
                Options second = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            setter.setConfig("a", first, configs);
            setter.setConfig("b", second, configs);

            assertThat(BoundedRocksDbMemory.budget()).isPositive();
            assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager());
            assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
            assertThat(((BlockBasedTableConfig) first.tableFormatConfig()).blockSize())
                    .isEqualTo(16 * 1024);
            assertThat(((BlockBasedTableConfig) first.tableFormatConfig()).cacheIndexAndFilterBlocks())
                    .isTrue();
            setter.close("a", first);
            setter.close("b", second);
        }
    }

    @Test
    void shouldReadTheBudgetAndRejectOneTooSmallToWork() {
        assertThat(BoundedRocksDbMemory.memoryBytes(Map.of())).isEqualTo(BoundedRocksDbMemory.DEFAULT_MEMORY_BYTES);
        assertThat(BoundedRocksDbMemory.memoryBytes(Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, 33554432L)))
                .isEqualTo(33_554_432L);
        assertThat(BoundedRocksDbMemory.memoryBytes(Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, " 20000000 ")))
                .isEqualTo(20_000_000L);
        assertThatThrownBy(() -> BoundedRocksDbMemory.memoryBytes(Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, "1024")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 MB");
    }
}
