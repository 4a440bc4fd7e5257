package se.vagvisaren.teams;

import javax.sql.DataSource;
import se.vagvisaren.testing.TestDatabases;

class JdbcBotStorageH2Test extends JdbcBotStorageContract {
    @Override
    DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
