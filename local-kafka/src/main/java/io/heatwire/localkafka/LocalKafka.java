package io.heatwire.localkafka;

public final class LocalKafka {
    public static void main(String[] args) {
    }
}
