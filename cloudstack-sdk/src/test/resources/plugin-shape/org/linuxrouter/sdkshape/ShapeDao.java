package org.linuxrouter.sdkshape;

import java.util.List;

import com.cloud.utils.db.DB;
import com.cloud.utils.db.GenericDao;
import com.cloud.utils.db.GenericDaoBase;
import com.cloud.utils.db.SearchBuilder;
import com.cloud.utils.db.SearchCriteria;
import com.cloud.utils.db.Transaction;
import com.cloud.utils.db.TransactionCallback;

/** Test source shaped like the router DAO: a concrete GenericDaoBase must compile with nothing to implement. */
public class ShapeDao extends GenericDaoBase<ShapeVO, Long> implements GenericDao<ShapeVO, Long> {
    private SearchBuilder<ShapeVO> byZone;

    @DB
    public List<ShapeVO> listByZone(long zoneId) {
        if (byZone == null) {
            byZone = createSearchBuilder();
            byZone.and("zone", byZone.entity().getId(), SearchCriteria.Op.EQ);
            byZone.done();
        }
        SearchCriteria<ShapeVO> sc = byZone.create();
        sc.setParameters("zone", zoneId);
        // as in CloudStack itself: a bare lambda is ambiguous between the two execute overloads
        return Transaction.execute((TransactionCallback<List<ShapeVO>>) status -> search(sc, null));
    }

    public ShapeVO byId(long id) {
        return findById(id);
    }
}
