package org.linuxrouter.cloudstack.testing;

import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.cloud.vm.NicDetailVO;
import com.cloud.vm.dao.NicDetailsDao;

/** CloudStack's {@code nic_details} table in memory, behind a Mockito mock of the core DAO bean. */
public final class NicDetailsTable {
    private final Map<Long, Map<String, String>> rows = new TreeMap<>();
    private final NicDetailsDao dao = mock(NicDetailsDao.class);

    public NicDetailsTable() {
        doAnswer(i -> row(i.getArgument(0)).put(i.getArgument(1), i.getArgument(2))).when(dao)
                .addDetail(anyLong(), anyString(), anyString(), anyBoolean());
        doAnswer(i -> row(i.getArgument(0)).remove((String) i.getArgument(1))).when(dao).removeDetail(anyLong(),
                anyString());
        when(dao.findDetail(anyLong(), anyString())).thenAnswer(i -> {
            String value = row(i.getArgument(0)).get((String) i.getArgument(1));
            return value == null ? null : detail(i.getArgument(0), i.getArgument(1), value);
        });
        when(dao.findDetails(anyString())).thenAnswer(i -> {
            List<NicDetailVO> found = new ArrayList<>();
            rows.forEach((nic, details) -> {
                String value = details.get((String) i.getArgument(0));
                if (value != null) {
                    found.add(detail(nic, i.getArgument(0), value));
                }
            });
            return found;
        });
    }

    public NicDetailsDao dao() {
        return dao;
    }

    /** The details of a NIC (a copy). */
    public Map<String, String> of(long nicId) {
        return Map.copyOf(rows.getOrDefault(nicId, Map.of()));
    }

    private Map<String, String> row(long nicId) {
        return rows.computeIfAbsent(nicId, k -> new HashMap<>());
    }

    private static NicDetailVO detail(long nicId, String name, String value) {
        NicDetailVO vo = mock(NicDetailVO.class);
        when(vo.getResourceId()).thenReturn(nicId);
        when(vo.getName()).thenReturn(name);
        when(vo.getValue()).thenReturn(value);
        return vo;
    }
}
