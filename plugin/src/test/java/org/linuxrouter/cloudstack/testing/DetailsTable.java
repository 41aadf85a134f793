package org.linuxrouter.cloudstack.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.cloud.network.dao.NetworkDetailsDao;

/** CloudStack's {@code network_details} table in memory, behind a Mockito mock of the core DAO bean. */
public final class DetailsTable {
    private final Map<Long, Map<String, String>> rows = new TreeMap<>();
    private final NetworkDetailsDao dao = mock(NetworkDetailsDao.class);

    public DetailsTable() {
        when(dao.listDetailsKeyPairs(anyLong())).thenAnswer(i -> new HashMap<>(row(i.getArgument(0))));
        doAnswer(i -> row(i.getArgument(0)).put(i.getArgument(1), i.getArgument(2))).when(dao)
                .addDetail(anyLong(), anyString(), anyString(), anyBoolean());
        doAnswer(i -> row(i.getArgument(0)).remove((String) i.getArgument(1))).when(dao).removeDetail(anyLong(), anyString());
        when(dao.findResourceIdsByNameAndValueIn(anyString(), any(Object[].class))).thenAnswer(i -> {
            String key = i.getArgument(0);
            // Arrays.asList: a network without the key gives null, which List.of(...).contains refuses
            List<Object> values = java.util.Arrays.asList((Object[]) i.getArgument(1));
            return rows.entrySet().stream().filter(e -> values.contains(e.getValue().get(key))).map(Map.Entry::getKey)
                    .collect(Collectors.toList());
        });
    }

    public NetworkDetailsDao dao() {
        return dao;
    }

    /** The details of a network (a copy). */
    public Map<String, String> of(long networkId) {
        return Map.copyOf(rows.getOrDefault(networkId, Map.of()));
    }

    public void put(long networkId, String key, String value) {
        row(networkId).put(key, Objects.requireNonNull(value));
    }

    private Map<String, String> row(long networkId) {
        return rows.computeIfAbsent(networkId, k -> new HashMap<>());
    }
}
