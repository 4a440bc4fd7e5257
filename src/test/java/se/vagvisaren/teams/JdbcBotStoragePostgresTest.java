package se.vagvisaren.teams;

import javax.sql.DataSource;
import se.vagvisaren.testing.TestDatabases;

class JdbcBotStoragePostgresTest extends JdbcBotStorageContract {
    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres();
    }
}
