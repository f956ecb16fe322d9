package dev.dragoman.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets the first item of each article through (keyed by content id): the same story reached twice in a run — two
 * files, two feeds — is done once, as in the local batch. The state is checkpointed, so a restarted task does not let
 * a second copy through either.
 */
final class FirstById extends KeyedProcessFunction<String, Item, Item> {

    private transient ValueState<Boolean> seen;

    @Override
    public void open(OpenContext context) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.BOOLEAN));
    }

    @Override
    public void processElement(Item item, Context context, Collector<Item> out) throws Exception {
        if (seen.value() == null) {
            seen.update(Boolean.TRUE);
            out.collect(item);
        }
    }
}
