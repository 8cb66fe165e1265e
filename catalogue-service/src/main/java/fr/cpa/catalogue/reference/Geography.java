package fr.cpa.catalogue.reference;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Departments and regions (INSEE codes), read once from the reference tables. */
@ApplicationScoped
public class Geography {

    public record Department(String code, String name, String regionCode, String regionName) {
    }

    private final AgroalDataSource dataSource;
    private volatile Map<String, Department> departments;
    private volatile Map<String, String> regions;

    Geography(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(code == null ? null : departments().get(code));
    }

    public Optional<String> regionName(String code) {
        load();
        return Optional.ofNullable(code == null ? null : regions.get(code));
    }

    public Map<String, Department> departments() {
        load();
        return departments;
    }

    public Map<String, String> regions() {
        load();
        return regions;
    }

    private void load() {
        if (departments != null) {
            return;
        }
        synchronized (this) {
            if (departments != null) {
                return;
            }
            Map<String, Department> d = new HashMap<>();
            Map<String, String> r = new HashMap<>();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         select d.code, d.name, r.code, r.name from department d join region r on r.code = d.region_code""")) {
                while (rs.next()) {
                    d.put(rs.getString(1), new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    r.put(rs.getString(3), rs.getString(4));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read departments", e);
            }
            regions = Map.copyOf(r);
            departments = Map.copyOf(d);
        }
    }
}
