package se.vagvisaren.safeguarding;

import javax.sql.DataSource;

class H2RetentionTest extends RetentionAndErasureContract {

    private static final DataSource H2 = TestDatabases.h2("retention");

    @Override
    DataSource dataSource() {
        return H2;
    }
}
